namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>
/// The known rule-set versions. <see cref="Current"/> is what the service decides with; a newer version
/// is added here as a draft, compared with <c>reconcile --dry-run --rules VERSION</c>, and switched on by
/// pointing <see cref="Current"/> (and <see cref="CrossCheckEngine.RuleSetVersion"/>) at it.
/// </summary>
public static class RuleSets
{
    public static readonly RuleSet V2026_11_1 = new(
        "2026.11.1",
        "生年月日・カナ氏名の履歴照合と、履歴のない個人番号の住民基本台帳（J-LIS）照会",
        ChecksSexAgainstHistory: false);

    /// <summary>
    /// Draft: adds the sex check against history. Since June 2023 an identity match needs all five items
    /// (漢字氏名, カナ氏名, 生年月日, 性別, 住所; DOMAIN.md §6); of those, the store holds kana, birthdate and
    /// sex, and 2026.11.1 compares only the first two with history.
    /// </summary>
    public static readonly RuleSet V2026_12_1 = new(
        "2026.12.1",
        "2026.11.1 に、同じ個人番号・生年月日・氏名で性別が異なる登録の検出（性別不一致）を追加",
        ChecksSexAgainstHistory: true);

    public static RuleSet Current => V2026_11_1;

    public static IReadOnlyList<RuleSet> All { get; } = [V2026_11_1, V2026_12_1];

    /// <summary>The set with this version, or null when there is none.</summary>
    public static RuleSet? Find(string? version) =>
        All.FirstOrDefault(set => string.Equals(set.Version, version?.Trim(), StringComparison.Ordinal));
}
