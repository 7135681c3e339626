namespace CrewPass.Reference;

public enum TimestampForm { UnixSeconds, AlsoMilliseconds, Lenient }
