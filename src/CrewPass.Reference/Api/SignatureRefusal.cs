using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrewPass.Reference;

/// <summary>Why a signed request was refused: the error code and a message for the caller.</summary>
public sealed record SignatureRefusal(string Code, string Message);
