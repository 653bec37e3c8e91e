namespace MiddleServerValidation.Jlis.Wire;

/// <summary>200 answer of the lookup: <c>{"kanaName":"シカク ハナコ","birthDate":"1989-09-13","sex":"2"}</c>.</summary>
public sealed record ResidentLookupResponse(string KanaName, DateOnly BirthDate, string? Sex);
