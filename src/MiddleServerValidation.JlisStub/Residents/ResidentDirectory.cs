using System.Text;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Jlis.Wire;

namespace MiddleServerValidation.JlisStub.Residents;

/// <summary>Every resident the stub knows, loaded once at start; read-only afterwards, so lookups need no locks.</summary>
internal sealed partial class ResidentDirectory
{
    public const string SampleFileName = "residents.sample.csv";

    private readonly Dictionary<string, ResidentLookupResponse> residents;

    public ResidentDirectory(IOptions<JlisStubOptions> options, ILogger<ResidentDirectory> logger)
    {
        Source = ResolvePath(options.Value.ResidentsFile);
        using (var reader = new StreamReader(Source, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            residents = ResidentsCsv.Read(reader, Source);
        }

        LogLoaded(logger, residents.Count, Source);
    }

    public string Source { get; }

    public int Count => residents.Count;

    public ResidentLookupResponse? Find(string personalNumber) => residents.GetValueOrDefault(personalNumber);

    /// <summary>Without a configured file, the sample shipped next to the binaries; a relative path is taken from where the stub was started.</summary>
    private static string ResolvePath(string? configured) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, SampleFileName)
            : Path.GetFullPath(configured);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Loaded {Count} residents from {Source}")]
    private static partial void LogLoaded(ILogger logger, int count, string source);
}
