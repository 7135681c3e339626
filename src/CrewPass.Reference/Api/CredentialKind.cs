using System.Security.Cryptography;
using Bogus;

namespace CrewPass.Reference;

public enum CredentialKind { ApiKey, WidgetKey }
