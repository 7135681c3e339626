using System.Diagnostics;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// Where the harness writes what its tests make: the suites runs' results, CA files, profiles, recordings. One folder
/// per harness process under the temporary folder, left behind so a failed run's files can be read, and removed by the
/// next harness run once the process that wrote it is gone (a harness run writes ~70 runs' results; nothing cleaned
/// them, and a developer's machine gathered 12 GB in a day).
/// </summary>
public static class Scratch
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "crewpass-harness");
    private static readonly string Mine = Create();

    /// <summary>A new path in this process's folder: the name with a unique part before its extension.</summary>
    public static string NewFile(string name) =>
        Path.Combine(Mine, $"{Path.GetFileNameWithoutExtension(name)}-{Guid.NewGuid():N}{Path.GetExtension(name)}");

    /// <summary>A new, empty folder in this process's folder.</summary>
    public static string NewFolder(string name) => Directory.CreateDirectory(NewFile(name)).FullName;

    private static string Create()
    {
        if (Directory.Exists(Root))
            foreach (var folder in Directory.EnumerateDirectories(Root))
                if (int.TryParse(Path.GetFileName(folder), out var process) && !Alive(process))
                    // Best effort: a folder that will not go is no failure of this run.
                    try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Directory.CreateDirectory(Path.Combine(Root, Environment.ProcessId.ToString())).FullName;
    }

    private static bool Alive(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
    }
}
