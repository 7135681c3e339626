namespace CrewPass.Conformance.Settings;

public enum SettingSource { Default, Profile, RunSettings, Environment }
