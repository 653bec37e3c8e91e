using System.Collections.Frozen;
using System.Text;

namespace MiddleServerValidation.Domain.KanjiNames;

/// <summary>
/// The 異体字 fold table (kanji-variants.tsv, embedded): 髙→高, 﨑→崎, 邉→辺, 𠮷→吉, … Keyed by code point, because
/// 𠮷 and a few others are outside the BMP. Different characters that merely look alike (斉/斎, 萩/荻) are not in it.
/// </summary>
internal static class KanjiVariants
{
    public const string ResourceName = "MiddleServerValidation.Domain.KanjiNames.kanji-variants.tsv";

    private static readonly FrozenDictionary<int, int> Table = Load();

    public static IReadOnlyDictionary<int, int> Pairs => Table;

    public static int Fold(int codePoint) => Table.TryGetValue(codePoint, out var standard) ? standard : codePoint;

    private static FrozenDictionary<int, int> Load()
    {
        using var stream = typeof(KanjiVariants).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, int>();
        var headerSeen = false;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = line == "variant\tstandard\tsource_id"
                    ? true
                    : throw Malformed(lineNumber, "the header must be variant<TAB>standard<TAB>source_id");
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3 || !table.TryAdd(SingleCodePoint(fields[0], lineNumber), SingleCodePoint(fields[1], lineNumber)))
            {
                throw Malformed(lineNumber, "expected a new variant, its standard and the sources");
            }
        }

        return table.ToFrozenDictionary();
    }

    private static int SingleCodePoint(string field, int lineNumber) =>
        Rune.DecodeFromUtf16(field, out var rune, out var length) == System.Buffers.OperationStatus.Done && length == field.Length
            ? rune.Value
            : throw Malformed(lineNumber, "each side must be exactly one character");

    private static InvalidDataException Malformed(int lineNumber, string problem) =>
        new($"{ResourceName} line {lineNumber}: {problem}.");
}
