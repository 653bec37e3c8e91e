using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace MiddleServerValidation.Jlis.Wire;

/// <summary>The wire protocol shared by the adapter and the stub, so the two cannot drift apart.</summary>
public static class JlisWire
{
    /// <summary>Relative, so that a base address with a path prefix (behind a gateway) still works.</summary>
    public const string LookupPath = "api/v1/residents/lookup";

    /// <summary>Many numbers in one request: a batch file's new numbers would otherwise cost a round trip each.</summary>
    public const string BulkLookupPath = "api/v1/residents/lookup-bulk";

    public const int MaxBulkSize = 1_000;

    /// <summary>A search by the basic four facts; answers zero, one or several candidates.</summary>
    public const string SearchPath = "api/v1/residents/search";

    /// <summary>Beyond one candidate the answer is ambiguous anyway; a few let staff see what J-LIS holds.</summary>
    public const int MaxSearchCandidates = 10;

    /// <summary>camelCase JSON; DateOnly as ISO <c>yyyy-MM-dd</c>.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Kana and kanji as themselves rather than \uXXXX, so people reading the wire can read names.
            Encoder = JavaScriptEncoder.Create(
                UnicodeRanges.BasicLatin,
                UnicodeRanges.CjkSymbolsandPunctuation,
                UnicodeRanges.Hiragana,
                UnicodeRanges.Katakana,
                UnicodeRanges.CjkUnifiedIdeographs,
                UnicodeRanges.HalfwidthandFullwidthForms),
        };
        // Shared by every caller: freeze it so nobody changes the protocol for everyone.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
