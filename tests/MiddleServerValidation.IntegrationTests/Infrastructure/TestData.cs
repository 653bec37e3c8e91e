using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

public static class TestData
{
    public const string InsurerA = "06139992";
    public const string InsurerB = "01130012";

    /// <summary>A valid personal number made from a seed (check digit computed, as a real one would be).</summary>
    public static string PersonalNumber(long seed)
    {
        var body = (10_000_000_000 + seed % 89_999_999_999).ToString("D11");
        return body + MiddleServerValidation.Domain.PersonalNumbers.PersonalNumber.ComputeCheckDigit(body);
    }

    /// <summary>The contract's plain JSON body (camelCase), as a non-.NET client publishes it.</summary>
    public static Dictionary<string, string?> Json(RegisterEnrollee r) => new()
    {
        ["registrationId"] = r.RegistrationId,
        ["insurerNumber"] = r.InsurerNumber,
        ["personalNumber"] = r.PersonalNumber,
        ["birthDate"] = r.BirthDate,
        ["kanaName"] = r.KanaName,
        ["sex"] = r.Sex,
        ["cardSymbol"] = r.CardSymbol,
        ["cardNumber"] = r.CardNumber,
        ["branchNumber"] = r.BranchNumber,
        ["qualificationDate"] = r.QualificationDate,
        ["batchId"] = r.BatchId,
        ["operation"] = r.Operation,
        ["operationId"] = r.OperationId,
        ["operationReason"] = r.OperationReason,
        ["operationNote"] = r.OperationNote,
    };

    /// <summary>A correction of a record: the record as it should be.</summary>
    public static RegisterEnrollee Correction(RegisterEnrollee corrected, string? operationId = null) =>
        corrected with { Operation = RegistrationOperations.Correct, OperationId = operationId };

    /// <summary>A withdrawal of a record.</summary>
    public static RegisterEnrollee Withdrawal(string id, string reason = RegistrationOperations.WithdrawalReasons.Misregistration, string insurer = InsurerA,
        string? note = null) => new()
    {
        RegistrationId = id, InsurerNumber = insurer, Operation = RegistrationOperations.Withdraw, OperationReason = reason, OperationNote = note,
    };

    /// <summary>An answer (理由付き疑いなし) for a record.</summary>
    public static RegisterEnrollee Answer(string id, string reason = RegistrationOperations.AnswerReasons.VerifiedTwins,
        string note = "本人確認書類で双子であることを確認", string insurer = InsurerA) => new()
    {
        RegistrationId = id, InsurerNumber = insurer, Operation = RegistrationOperations.Answer, OperationReason = reason, OperationNote = note,
    };

    public static RegisterEnrollee Registration(string id, string number, string birthDate, string kanaName, string insurer = InsurerA) => new()
    {
        RegistrationId = id,
        InsurerNumber = insurer,
        PersonalNumber = number,
        BirthDate = birthDate,
        KanaName = kanaName,
        Sex = null,
        CardSymbol = "77",
        CardNumber = "5501",
        BranchNumber = "00",
    };

    /// <summary>Reads a CSV of the examples folder (simple: the examples have no quoted fields).</summary>
    public static List<Dictionary<string, string>> Example(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "examples", file));
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    public static RegisterEnrollee FromExample(Dictionary<string, string> row) => new()
    {
        RegistrationId = row["registration_id"],
        InsurerNumber = row["insurer_number"],
        PersonalNumber = row["personal_number"],
        BirthDate = row["birth_date"],
        KanaName = row["kana_name"],
        Sex = row["sex"],
        CardSymbol = row["card_symbol"],
        CardNumber = row["card_number"],
        BranchNumber = row["branch_number"],
        QualificationDate = row["qualification_date"],
    };
}
