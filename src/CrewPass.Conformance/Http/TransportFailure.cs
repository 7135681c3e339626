namespace CrewPass.Conformance.Http;

public enum TransportFailure { Unreachable, Tls, Timeout, Refused, Other }
