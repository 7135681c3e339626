using System.Reflection;

namespace CrewPass.Conformance.Reporting;

public sealed record HarnessInfo(string Name, string Version)
{
    /// <summary>The assembly's informational version: the package version and, when built from git, the commit.</summary>
    public static HarnessInfo Current { get; } = new("CrewPass.Conformance",
        typeof(HarnessInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
}
