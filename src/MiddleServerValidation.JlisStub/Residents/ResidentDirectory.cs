using System.Text;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Jlis.Wire;

namespace MiddleServerValidation.JlisStub.Residents;

/// <summary>Every resident the stub knows, loaded once at start; read-only afterwards, so lookups need no locks.</summary>
internal sealed partial class ResidentDirectory
{
    public const string SampleFileName = "residents.sample.csv";

    private readonly Dictionary<string, ResidentLookupResponse> residents;

    /// <summary>A search always names the birthdate, so it only ever compares the residents born that day.</summary>
    private readonly Dictionary<DateOnly, ResidentSearchCandidate[]> byBirthDate;

    public ResidentDirectory(IOptions<JlisStubOptions> options, ILogger<ResidentDirectory> logger)
    {
        Source = ResolvePath(options.Value.ResidentsFile);
        using (var reader = new StreamReader(Source, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            residents = ResidentsCsv.Read(reader, Source);
        }

        byBirthDate = residents
            .Select(pair => new ResidentSearchCandidate(pair.Key, pair.Value))
            .GroupBy(candidate => candidate.Resident.BirthDate)
            .ToDictionary(group => group.Key, group => group.ToArray());
        LogLoaded(logger, residents.Count, Source);
    }

    public string Source { get; }

    public int Count => residents.Count;

    public ResidentLookupResponse? Find(string personalNumber) => residents.GetValueOrDefault(personalNumber);

    /// <summary>The residents the query finds, in file order of their birthdate group; the caller caps the answer.</summary>
    public IEnumerable<ResidentSearchCandidate> Search(ResidentSearchRequest query) =>
        query.BirthDate is { } birthDate && byBirthDate.TryGetValue(birthDate, out var born)
            ? born.Where(candidate => ResidentSearch.IsCandidate(query, candidate.Resident))
            : [];

    /// <summary>Without a configured file, the sample shipped next to the binaries; a relative path is taken from where the stub was started.</summary>
    private static string ResolvePath(string? configured) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, SampleFileName)
            : Path.GetFullPath(configured);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Loaded {Count} residents from {Source}")]
    private static partial void LogLoaded(ILogger logger, int count, string source);
}
