namespace MiddleServerValidation.Benchmarks.Runtime;

/// <summary>Where the service's build outputs are: found from the benchmark's own location in the repository.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The built <c>MiddleServerValidation.{project}.dll</c> in the same configuration as the benchmark.</summary>
    public static string Dll(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(Root, "src", $"MiddleServerValidation.{project}", "bin", configuration, "net10.0", $"MiddleServerValidation.{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution ({configuration}) first: {path} is missing.");
    }

    /// <summary>The built command-line tool (<c>msv.dll</c>) in the same configuration as the benchmark.</summary>
    public static string Cli()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(Root, "src", "MiddleServerValidation.Cli", "bin", configuration, "net10.0", "msv.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution ({configuration}) first: {path} is missing.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MiddleServerValidation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The benchmark runs from its build output inside the repository.");
    }
}
