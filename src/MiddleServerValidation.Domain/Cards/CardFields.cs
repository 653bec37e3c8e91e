namespace MiddleServerValidation.Domain.Cards;

/// <summary>
/// 被保険者証の記号・番号・枝番 (DOMAIN.md §3, JP Core「被保険者個人識別子」): a 記号 or 番号 is either all
/// half-width letters and digits, or entirely full-width (digits, letters, kana, kanji); never a mix, never a
/// full-width space. 枝番 is two half-width digits. "●" marks a character a legacy system could not store.
/// </summary>
public static class CardFields
{
    // The official maximum lengths are only in the members-only オンライン資格確認 interface specification
    // (an open item in DOMAIN.md). 20 is above every real 記号/番号 we have seen (番号 are at most 8–10
    // characters in practice) and keeps a garbage value from being stored; revisit when the spec is known.
    public const int MaxSymbolLength = 20;
    public const int MaxNumberLength = 20;

    /// <summary>
    /// Every problem of the three fields, one reason each. Surrounding whitespace is layout, not content,
    /// so it is ignored; a blank field counts as absent (a missing number is a warning, see <see cref="HasCardInfo"/>).
    /// </summary>
    public static IReadOnlyList<Reason> Validate(string? symbol, string? number, string? branch) => Read(symbol, number, branch).Problems;

    /// <summary>The three fields as stored (trimmed, 枝番 as two half-width digits), read once, with every problem.</summary>
    public static (CardValues Values, IReadOnlyList<Reason> Problems) Read(string? symbol, string? number, string? branch)
    {
        var problems = new List<Reason>(capacity: 0);
        AddIfInvalid(problems, CheckSymbolOrNumber(symbol, FieldNames.CardSymbol, "記号", MaxSymbolLength));
        AddIfInvalid(problems, CheckSymbolOrNumber(number, FieldNames.CardNumber, "番号", MaxNumberLength));
        var (normalizedBranch, branchProblem) = ReadBranch(branch);
        AddIfInvalid(problems, branchProblem);
        return (new CardValues(Optional(symbol), Optional(number), normalizedBranch), problems);
    }

    /// <summary>Card info is missing when the 番号 is absent or blank; the 記号 may legitimately be absent.</summary>
    public static bool HasCardInfo(string? number) => !string.IsNullOrWhiteSpace(number);

    /// <summary>
    /// The 枝番 as stored: two half-width digits. JP Core defines it as half-width, but full-width digits
    /// (０５) mean the same and are folded by NFKC rather than rejected. Null when absent or invalid.
    /// </summary>
    public static string? NormalizeBranch(string? branch) =>
        string.IsNullOrWhiteSpace(branch) || !UnicodeText.TryNormalizeKc(branch.Trim(), out var folded)
            || folded.Length != 2 || !char.IsAsciiDigit(folded[0]) || !char.IsAsciiDigit(folded[1])
            ? null
            : folded;

    private static Reason? CheckSymbolOrNumber(string? raw, string field, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var value = raw.Trim();
        if (value.Contains(CardCharacters.LostCharacter))
        {
            return LostCharacter(field, label);
        }

        if (value.Length > maxLength)
        {
            return new Reason(ReasonCode.FieldInvalid, field, $"{label}は{maxLength}文字以内で指定してください（{value.Length}文字でした）。");
        }

        var problem = CardCharacters.FindProblem(value);
        return problem is null ? null : new Reason(ReasonCode.CardNumberInvalidCharacter, field, $"{label}{problem}");
    }

    private static (string? Branch, Reason? Problem) ReadBranch(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, null);
        }

        if (raw.Contains(CardCharacters.LostCharacter))
        {
            return (null, LostCharacter(FieldNames.BranchNumber, "枝番"));
        }

        return NormalizeBranch(raw) is { } branch
            ? (branch, null)
            : (null, new Reason(ReasonCode.CardNumberInvalidCharacter, FieldNames.BranchNumber,
                "枝番は半角数字2桁（00〜99）で指定してください。枝番がない場合は空欄にしてください。"));
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Reason LostCharacter(string field, string label) =>
        new(ReasonCode.CardNumberInvalidCharacter, field,
            $"{label}に「●」が含まれています。「●」は旧システムで保存できなかった文字の代わりに入ったものです。正しい文字で再登録してください。");

    private static void AddIfInvalid(List<Reason> problems, Reason? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
