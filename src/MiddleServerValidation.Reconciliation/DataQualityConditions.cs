namespace MiddleServerValidation.Reconciliation;

/// <summary>
/// The record-level data-quality conditions, as SQL over <c>registrations</c>, shared by the correction files
/// and the daily figures so that both count the same records.
/// </summary>
internal static class DataQualityConditions
{
    /// <summary>
    /// "●" in 記号・番号・枝番, as stored or, for a record rejected for it, as sent (kept in <c>submitted</c>).
    /// </summary>
    public const string LostCharacter =
        "strpos(concat(card_symbol, card_number, branch_number, submitted->>'cardSymbol', submitted->>'cardNumber', " +
        "submitted->>'branchNumber'), '●') > 0";

    /// <summary>A registration in the data (not rejected) with no card 番号.</summary>
    public const string CardInfoMissing = "outcome <> 'Rejected' AND (card_number IS NULL OR btrim(card_number) = '')";

    /// <summary>A registration in the data (not rejected) with no personal number yet.</summary>
    public const string PersonalNumberMissing = "outcome <> 'Rejected' AND personal_number_cipher IS NULL";

    /// <summary>A version in use: not replaced by a correction, not withdrawn. Only these are counted or listed.</summary>
    public const string InUse = "retired_at IS NULL";

    /// <summary>The finding statuses that still mean a record needs correcting.</summary>
    public const string OpenFindingStatuses = "('Open', 'Confirmed')";

    /// <summary>Every insurer with a registration, by a loose index scan of the idempotency key (no full scan).</summary>
    public const string Insurers = """
        WITH RECURSIVE insurers AS (
            (SELECT insurer_number FROM registrations ORDER BY insurer_number LIMIT 1)
            UNION ALL
            SELECT (SELECT r.insurer_number FROM registrations r WHERE r.insurer_number > i.insurer_number ORDER BY r.insurer_number LIMIT 1)
            FROM insurers i WHERE i.insurer_number IS NOT NULL)
        SELECT insurer_number FROM insurers WHERE insurer_number IS NOT NULL
        """;
}
