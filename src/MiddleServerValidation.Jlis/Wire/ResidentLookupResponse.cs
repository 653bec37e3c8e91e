namespace MiddleServerValidation.Jlis.Wire;

/// <summary>
/// 200 answer of the lookup: <c>{"kanaName":"シカク ハナコ","birthDate":"1989-09-13","sex":"2","kanjiName":"四角 花子","address":"…"}</c>.
/// <c>kanjiName</c> and <c>address</c> may be absent or null (an older registry, or not recorded): unknown, not a mismatch.
/// </summary>
public sealed record ResidentLookupResponse(string KanaName, DateOnly BirthDate, string? Sex, string? KanjiName = null, string? Address = null);
