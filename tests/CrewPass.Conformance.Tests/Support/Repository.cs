namespace CrewPass.Conformance.Tests;

/// <summary>Paths in the checkout the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>CONTRACT.md in ../shared/contract beside the checkout, where CI and every developer have it.</summary>
    public static string ContractText()
    {
        var path = Path("..", "shared", "contract", "CONTRACT.md");
        return File.Exists(path) ? File.ReadAllText(path)
            : throw new FileNotFoundException($"CONTRACT.md is expected at {path}: the checkout must sit beside shared/");
    }

    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public static string SuitesAssembly =>
        Path("suites", "CrewPass.Conformance.Suites", "bin", Configuration, "net10.0", "CrewPass.Conformance.Suites.dll");

    /// <summary>The reference deployment as its own process: the standalone sandbox.</summary>
    public static string ReferenceAssembly =>
        Path("src", "CrewPass.Reference", "bin", Configuration, "net10.0", "CrewPass.Reference.dll");

    /// <summary>The suites' warm runner (SuiteRun.RunInOneProcessAsync, WarmRunner), built with the solution.</summary>
    public static string RunnerAssembly =>
        Path("src", "CrewPass.Conformance.Runner", "bin", Configuration, "net10.0", "CrewPass.Conformance.Runner.dll");

    /// <summary>The dotnet tool (crewpass-conformance), built with the solution.</summary>
    public static string ToolAssembly =>
        Path("src", "CrewPass.Conformance.Tool", "bin", Configuration, "net10.0", "crewpass-conformance.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CrewPass.Conformance.sln"))) return directory.FullName;
        throw new InvalidOperationException("CrewPass.Conformance.sln not found above " + AppContext.BaseDirectory);
    }
}
