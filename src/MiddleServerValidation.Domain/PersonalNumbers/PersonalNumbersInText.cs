using System.Text;

namespace MiddleServerValidation.Domain.PersonalNumbers;

/// <summary>
/// Personal numbers typed into free text (a reviewer's reason or remark), masked as the screens mask them
/// (<c>********9012</c>), however they were typed: full-width, in groups of any size, with spaces, hyphens, dots,
/// slashes or dashes between them, or none.
/// </summary>
/// <remarks>
/// The text is read in NFKC, as runs of digits ("groups"). Groups joined by one separator character
/// (<c>1234-5678</c>) make a unit; units joined by a short blank (<c>1234 5678</c>, <c> - </c>) make a chain. In a chain,
/// consecutive whole units with twelve digits between them are masked, and in a unit of more than twelve digits,
/// consecutive groups with twelve. A date (8 digits), a time (the colon is no separator), a phone number (10 or 11
/// digits, or after a <c>+</c>) or an amount (the comma is no separator) stays as it is unless it is written right
/// next to other digits so that twelve add up.
/// </remarks>
public static class PersonalNumbersInText
{
    private const int Digits = PersonalNumber.Length;

    /// <summary>The text in NFKC with every run of digits that adds up to a personal number masked.</summary>
    public static string Mask(string text)
    {
        var normalized = Normalized(text);
        var groups = DigitGroups(normalized);
        var masked = new List<Group>();
        var chainStart = 0;
        for (var i = 1; i <= groups.Count; i++)
        {
            if (i == groups.Count || GapBetween(normalized, groups[i - 1], groups[i]) == Gap.Break)
            {
                MaskChain(normalized, groups.GetRange(chainStart, i - chainStart), masked);
                chainStart = i;
            }
        }

        return masked.Count == 0 ? normalized : Replaced(normalized, masked);
    }

    private static void MaskChain(string text, List<Group> chain, List<Group> masked)
    {
        var units = new List<List<Group>> { new() { chain[0] } };
        for (var i = 1; i < chain.Count; i++)
        {
            if (GapBetween(text, chain[i - 1], chain[i]) == Gap.Loose)
            {
                units.Add([]);
            }

            units[^1].Add(chain[i]);
        }

        // An international phone number (+81 90 1234 5678) has twelve digits too; no personal number starts with +.
        var afterPlus = chain[0].Start > 0 && text[chain[0].Start - 1] == '+';
        var covered = afterPlus
            ? new bool[units.Count]
            : Windows(units.Select(u => u.Sum(g => g.Length)).ToList(), (first, last) =>
                masked.Add(new Group(units[first][0].Start, units[last][^1].End)));

        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            if (!covered[u] && (unit.Sum(g => g.Length) > Digits || afterPlus))
            {
                Windows(unit.Select(g => g.Length).ToList(), (first, last) => masked.Add(new Group(unit[first].Start, unit[last].End)));
            }
        }
    }

    /// <summary>Consecutive parts whose digits add up to exactly twelve, left to right, none overlapping; which parts they cover.</summary>
    private static bool[] Windows(List<int> lengths, Action<int, int> found)
    {
        var covered = new bool[lengths.Count];
        var start = 0;
        while (start < lengths.Count)
        {
            var (end, sum) = (start, 0);
            while (end < lengths.Count && sum < Digits)
            {
                sum += lengths[end++];
            }

            if (sum == Digits)
            {
                found(start, end - 1);
                Array.Fill(covered, true, start, end - start);
                start = end;
            }
            else
            {
                start++;
            }
        }

        return covered;
    }

    private static string Replaced(string text, List<Group> masked)
    {
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in masked.OrderBy(s => s.Start))
        {
            var digits = text.AsSpan(span.Start, span.Length).ToString().Where(char.IsAsciiDigit).ToArray();
            result.Append(text, at, span.Start - at).Append("********").Append(digits, digits.Length - 4, 4);
            at = span.End;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    private enum Gap
    {
        /// <summary>One separator character: the groups are one unit (<c>1234-5678</c>).</summary>
        Tight,

        /// <summary>A short blank, maybe around one separator: the units are one chain (<c>1234 5678</c>).</summary>
        Loose,

        Break,
    }

    private static Gap GapBetween(string text, Group before, Group after)
    {
        var gap = text.AsSpan(before.End, after.Start - before.End);
        if (gap.Length == 1 && IsSeparator(gap[0]))
        {
            return Gap.Tight;
        }

        var (blanks, separators) = (0, 0);
        foreach (var c in gap)
        {
            if (char.IsWhiteSpace(c))
            {
                blanks++;
            }
            else if (IsSeparator(c))
            {
                separators++;
            }
            else
            {
                return Gap.Break;
            }
        }

        return gap.Length <= 3 && blanks > 0 && separators <= 1 ? Gap.Loose : Gap.Break;
    }

    // After NFKC: hyphen-minus, dot, slash, underscore, middle dot, the long vowel mark typed for a dash, hyphens and
    // dashes, minus, box-drawing line. Not the colon (times) nor the comma (amounts, lists of dates).
    private static bool IsSeparator(char c) =>
        c is '-' or '.' or '/' or '_' or '・' or 'ー' or (>= '\u2010' and <= '\u2015') or '\u2212' or '\u2500';

    private static List<Group> DigitGroups(string text)
    {
        var groups = new List<Group>();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                var start = i;
                while (i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                }

                groups.Add(new Group(start, i + 1));
            }
        }

        return groups;
    }

    // Browsers send well-formed text, but a lone surrogate must not turn a staff member's decision into an error.
    private static string Normalized(string text)
    {
        if (UnicodeText.TryNormalizeKc(text, out var normalized))
        {
            return normalized;
        }

        var repaired = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                repaired.Append(text[i]).Append(text[++i]);
            }
            else
            {
                repaired.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
            }
        }

        return repaired.ToString().Normalize(NormalizationForm.FormKC);
    }

    private readonly record struct Group(int Start, int End)
    {
        public int Length => End - Start;
    }
}
