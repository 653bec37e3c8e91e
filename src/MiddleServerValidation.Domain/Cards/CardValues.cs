namespace MiddleServerValidation.Domain.Cards;

/// <summary>被保険者証の記号・番号・枝番 as stored: trimmed, the 枝番 as two half-width digits; null when absent or unusable.</summary>
public sealed record CardValues(string? Symbol, string? Number, string? Branch)
{
    public static CardValues None { get; } = new(null, null, null);
}
