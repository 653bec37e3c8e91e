namespace MiddleServerValidation.Domain;

/// <summary>
/// How strongly a reason suggests that the record is not the person it names (DOMAIN.md §4, §6). Birthdate, sex and
/// kanji name are registered facts; kana was only 便宜上 before 2025; an address changes whenever someone moves.
/// </summary>
public enum MismatchWeight
{
    /// <summary>Not evidence of a mismatch: a rejection, a confirmation, a warning or a decision.</summary>
    None,

    /// <summary>Alone it never makes a record suspect; it adds to another mismatch.</summary>
    Low,
    Medium,
    High,
}
