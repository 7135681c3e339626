using System.Security.Cryptography;
using Bogus;

namespace CrewPass.Reference;

public enum KeyMode { Live, Test }
