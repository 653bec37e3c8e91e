using System.Globalization;
using System.Text;

namespace MiddleServerValidation.BatchFiles.Csv;

/// <summary>
/// Fields of CSV files people open in a spreadsheet (audit log, correction files, report figures, batch results):
/// RFC 4180 quoting, and a field a spreadsheet would take for a formula defused with a leading apostrophe, so the
/// cell shows as text. A formula is recognised after any leading whitespace, control or invisible characters, and
/// on the NFKC form of its first character: Japanese spreadsheets read full-width ＝ ＋ － ＠ (and the small and
/// superscript forms NFKC folds to them) as the ASCII ones.
/// </summary>
public static class SpreadsheetCsv
{
    public static string Field(string value)
    {
        if (StartsLikeFormula(value))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static bool StartsLikeFormula(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            if (IsFormulaStart(c))
            {
                return true;
            }

            // Tab and CR start a formula in some spreadsheets by themselves; other blanks are skipped over.
            if (c is '\t' or '\r')
            {
                return true;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            // Kana and kanji (most Japanese text) never fold to a formula character: no normalisation for them.
            return c > 0x7F && c is not (>= '\u3040' and <= '\u9FFF') && !char.IsSurrogate(c)
                && Folded(c) is { Length: > 0 } folded && IsFormulaStart(folded[0]);
        }

        return false;
    }

    // U+2212 (minus sign) is no NFKC lookalike of '-', but reads as one.
    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\u2212';

    private static string Folded(char c) => c.ToString().Normalize(NormalizationForm.FormKC);
}
