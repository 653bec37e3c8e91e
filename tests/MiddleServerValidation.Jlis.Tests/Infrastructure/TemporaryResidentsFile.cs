using System.Text;

namespace MiddleServerValidation.Jlis.Tests.Infrastructure;

/// <summary>A residents CSV in a temporary folder, removed on dispose.</summary>
internal sealed class TemporaryResidentsFile : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("jlis-residents-").FullName;

    public TemporaryResidentsFile(string header, IEnumerable<string> rows)
    {
        Path = System.IO.Path.Combine(directory, "residents.csv");
        File.WriteAllLines(Path, rows.Prepend(header), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
