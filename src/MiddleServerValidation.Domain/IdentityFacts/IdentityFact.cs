namespace MiddleServerValidation.Domain.IdentityFacts;

/// <summary>The five facts a registration must share with J-LIS since 2023-06 (DOMAIN.md §6): 基本4情報 and the kana name.</summary>
public enum IdentityFact
{
    KanjiName,
    KanaName,
    BirthDate,
    Sex,
    Address,
}
