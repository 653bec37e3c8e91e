namespace MiddleServerValidation.Domain.Addresses;

/// <summary>
/// An address read for comparison: the prefecture when stated, the town part (市区町村, 町・字, without spaces,
/// 大字/字 or an omittable 郡), the block numbers (丁目・番地・号 as numbers without leading zeros), and the rest
/// (building, room), which comparison ignores.
/// </summary>
/// <param name="HasLostCharacter">True when the text held ●, 〓 or another lost character anywhere, even in ignored parts.</param>
internal sealed record AddressParts(string? Prefecture, string Town, IReadOnlyList<string> Blocks, string Rest, bool HasLostCharacter);
