namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>The ids of the cross-check rules, recorded on every <see cref="Finding"/> with the rule-set version.</summary>
public static class RuleIds
{
    /// <summary>An earlier registration of the number has another birthdate (個人番号誤登録疑い).</summary>
    public const string HistoryBirthDate = "history.birth-date";

    /// <summary>Same birthdate, another given name (twins / 取り違え).</summary>
    public const string HistoryGivenName = "history.given-name";

    /// <summary>Same birthdate, names differ and one side has no surname/given-name split to tell which part.</summary>
    public const string HistoryNameSplit = "history.name-split";

    /// <summary>Same birthdate and name, another sex (rule set 2026.12.1 and later).</summary>
    public const string HistorySex = "history.sex";

    /// <summary>Same birthdate and given name, another surname (marriage, divorce): J-LIS did not confirm it.</summary>
    public const string HistorySurnameJlis = "history.surname-jlis";

    /// <summary>No history, and J-LIS has no resident with the number.</summary>
    public const string JlisNotFound = "jlis.not-found";

    /// <summary>J-LIS has the number with another kanji name, kana name, birthdate or sex (the address alone holds nothing).</summary>
    public const string JlisMismatch = "jlis.mismatch";

    /// <summary>
    /// A later registration of the number agreed with J-LIS and this earlier one disagrees: J-LIS says this one is wrong,
    /// whoever registered it (issue 13).
    /// </summary>
    public const string JlisEarlierMismatch = "jlis.earlier-mismatch";

    /// <summary>The full-store check (<c>reconcile --steps jlis-audit</c>) found the stored record disagreeing with J-LIS.</summary>
    public const string JlisAudit = "jlis.audit";
}
