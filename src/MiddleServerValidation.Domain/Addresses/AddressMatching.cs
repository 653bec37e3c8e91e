namespace MiddleServerValidation.Domain.Addresses;

/// <summary>
/// 住所 comparison (docs/matching.md, "Addresses"). A moved address is common, so <see cref="MatchResult.Different"/>
/// is weak evidence on its own; a missing address, one that stops at the ward, or one holding a lost character is
/// <see cref="MatchResult.Unknown"/>.
/// </summary>
public static class AddressMatching
{
    /// <summary>
    /// <see cref="MatchResult.Same"/> when prefecture (if both state one), town part and block numbers agree, one side
    /// possibly less specific (3-12 vs 3-12-5, a room number); building names are ignored.
    /// </summary>
    public static MatchResult Compare(string? first, string? second)
    {
        // The same text reads the same: spare the parse, the costly part of a full-store check.
        if (!string.IsNullOrWhiteSpace(first) && string.Equals(first, second, StringComparison.Ordinal))
        {
            return LostCharacters.AnyIn(first) ? MatchResult.Unknown : MatchResult.Same;
        }

        var a = AddressReader.Read(first);
        var b = AddressReader.Read(second);
        if (a is null || b is null)
        {
            return MatchResult.Unknown;
        }

        if (a.Prefecture is not null && b.Prefecture is not null && a.Prefecture != b.Prefecture)
        {
            return MatchResult.Different;
        }

        return a.HasLostCharacter || b.HasLostCharacter ? CompareWithLostCharacters(a, b) : CompareKnown(a, b);
    }

    private static MatchResult CompareKnown(AddressParts a, AddressParts b)
    {
        if (a.Town != b.Town)
        {
            var (shorter, longer) = RuneCount(a.Town) < RuneCount(b.Town) ? (a, b) : (b, a);
            // Only 東京都千代田区 on one side: less specific, not a contradiction.
            return shorter.Blocks.Count == 0 && longer.Town.StartsWith(shorter.Town, StringComparison.Ordinal)
                ? MatchResult.Unknown
                : MatchResult.Different;
        }

        return BlocksDiffer(a, b) ? MatchResult.Different : MatchResult.Same;
    }

    /// <summary>
    /// A lost character can stand in for a digit or a marker (丁目, 番) and so shift how the rest is read. The only
    /// differences trusted then are in block numbers read beside town parts that line up character for character,
    /// with no lost character next to the numbers; anything else is unknown, never a mismatch.
    /// </summary>
    private static MatchResult CompareWithLostCharacters(AddressParts a, AddressParts b)
    {
        var townsLineUp = MatchingText.Compatible(MatchingText.Tokens(a.Town), MatchingText.Tokens(b.Town));
        var numbersReadCleanly = !LostCharacters.AnyIn(a.Rest) && !LostCharacters.AnyIn(b.Rest);
        return townsLineUp && numbersReadCleanly && BlocksDiffer(a, b) ? MatchResult.Different : MatchResult.Unknown;
    }

    /// <summary>Compared as numbers up to the shorter list: 3-12 and 3-12-5 agree, 3-1 and 3-12 do not.</summary>
    private static bool BlocksDiffer(AddressParts a, AddressParts b) =>
        !a.Blocks.Take(b.Blocks.Count).SequenceEqual(b.Blocks.Take(a.Blocks.Count), StringComparer.Ordinal);

    private static int RuneCount(string text) => text.EnumerateRunes().Count();
}
