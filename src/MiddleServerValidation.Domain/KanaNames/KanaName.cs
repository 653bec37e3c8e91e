namespace MiddleServerValidation.Domain.KanaNames;

/// <summary>
/// カナ氏名 in the standard form of DOMAIN.md §4: full-width katakana, surname and given name separated by
/// one space (JP Core). A name without a space is allowed; it is all surname and <see cref="HasSplit"/> is false.
/// </summary>
public sealed record KanaName
{
    public const int MaxLength = 100;
    private const char LostCharacter = '●';
    private const char Geta = '〓';

    private KanaName(string normalized)
    {
        Normalized = normalized;
        LegacyFolded = KanaText.LegacyFold(normalized);
        var space = normalized.IndexOf(KanaText.Space);
        HasSplit = space >= 0;
        Surname = HasSplit ? normalized[..space] : normalized;
        GivenName = HasSplit ? normalized[(space + 1)..] : string.Empty;
    }

    /// <summary>The standard form: full-width katakana, at most one half-width space.</summary>
    public string Normalized { get; }

    public string Surname { get; }

    /// <summary>Empty when the name has no space.</summary>
    public string GivenName { get; }

    public bool HasSplit { get; }

    /// <summary><see cref="Normalized"/> with small kana made large and ヰ→イ, ヱ→エ, as legacy systems store them.</summary>
    public string LegacyFolded { get; }

    public override string ToString() => Normalized;

    public static ParseResult<KanaName> Parse(string? input)
    {
        if (input is null)
        {
            return Fail("カナ氏名が指定されていません。");
        }

        var normalized = KanaText.Standard(input);
        if (normalized is null)
        {
            return Fail("カナ氏名に読み取れない文字が含まれています。");
        }

        if (normalized.Length == 0)
        {
            return Fail("カナ氏名が空です。");
        }

        if (normalized.Length > MaxLength)
        {
            return Fail($"カナ氏名は{MaxLength}文字以内で指定してください（{normalized.Length}文字でした）。");
        }

        if (normalized.Contains(LostCharacter))
        {
            return Fail("カナ氏名に「●」（旧システムで保存できなかった文字の代わり）が含まれています。正しいカナで再登録してください。");
        }

        for (var i = 0; i < normalized.Length; i++)
        {
            if (!KanaText.IsKana(normalized[i]) && normalized[i] != KanaText.Space)
            {
                // The position, not the character: the field might hold anything, even a personal number.
                return Fail($"カナ氏名の{i + 1}文字目にカタカナ・ひらがな以外の文字が含まれています。");
            }
        }

        if (normalized.IndexOf(KanaText.Space) != normalized.LastIndexOf(KanaText.Space))
        {
            return Fail("カナ氏名の空白は、姓と名の間の1つだけにしてください。");
        }

        return ParseResult<KanaName>.Ok(new KanaName(normalized));
    }

    /// <summary>
    /// Same person's name for matching: equal in standard form or after the legacy fold
    /// (legacy systems store シヨウ for ショウ). Spaces are never removed: シカクハナコ ≠ シカク ハナコ.
    /// </summary>
    public static bool SameName(KanaName a, KanaName b) =>
        a.Normalized == b.Normalized || a.LegacyFolded == b.LegacyFolded;

    public static bool SameSurname(KanaName a, KanaName b) =>
        KanaText.LegacyFold(a.Surname) == KanaText.LegacyFold(b.Surname);

    public static bool SameGivenName(KanaName a, KanaName b) =>
        KanaText.LegacyFold(a.GivenName) == KanaText.LegacyFold(b.GivenName);

    /// <summary>
    /// True when a stored or registry value holds ●, 〓 or anything that is not kana or a space after
    /// normalisation. Such a value is unknown: comparing it would report a mismatch that is only a lost character.
    /// </summary>
    public static bool ContainsUnknownCharacter(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Contains(LostCharacter) || raw.Contains(Geta))
        {
            return true;
        }

        var normalized = KanaText.Standard(raw);
        return normalized is null || normalized.Any(c => !KanaText.IsKana(c) && c != KanaText.Space);
    }

    /// <summary>A stored or registry name we can compare, or null when it is unknown (lost characters, malformed).</summary>
    internal static KanaName? ReadKnown(string? raw)
    {
        if (raw is null || ContainsUnknownCharacter(raw))
        {
            return null;
        }

        var parsed = Parse(raw);
        return parsed.IsValid ? parsed.Value : null;
    }

    private static ParseResult<KanaName> Fail(string message) => ParseResult<KanaName>.Fail(ReasonCode.KanaNameInvalid, message);
}
