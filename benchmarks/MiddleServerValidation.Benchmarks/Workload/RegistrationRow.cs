namespace MiddleServerValidation.Benchmarks.Workload;

/// <summary>One registration as an insurer's system writes it: every field text, as in a batch file or a message.</summary>
public sealed record RegistrationRow(
    string RegistrationId,
    string? InsurerNumber,
    string? PersonalNumber,
    string? BirthDate,
    string? KanaName,
    string? Sex,
    string? CardSymbol,
    string? CardNumber,
    string? BranchNumber,
    string? QualificationDate,
    RowKind Kind);
