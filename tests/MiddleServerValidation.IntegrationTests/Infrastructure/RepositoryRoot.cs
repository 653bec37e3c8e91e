namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>The checkout the tests run from: where the scripts that start local servers are.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Services => System.IO.Path.Combine(Path, "scripts", "lib", "services.sh");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "scripts", "lib", "services.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with scripts/lib/services.sh) is not above the test binaries.");
    }
}
