using MiddleServerValidation.Domain;

namespace MiddleServerValidation.Benchmarks.Synthetic;

/// <summary>One enrollee of the synthetic population, as its insurer knows them. Always valid.</summary>
public sealed record SyntheticPerson(
    long Index,
    string PersonalNumber,
    DateOnly BirthDate,
    string Surname,
    string GivenName,
    Sex Sex,
    string InsurerNumber,
    string CardSymbol,
    string CardNumber,
    string BranchNumber,
    DateOnly QualificationDate)
{
    /// <summary>Full-width katakana, surname and given name separated by one space (the contract's form).</summary>
    public string KanaName => $"{Surname} {GivenName}";
}
