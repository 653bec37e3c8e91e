namespace MiddleServerValidation.Domain;

/// <summary>The contract's sex codes: <c>1</c> male, <c>2</c> female.</summary>
public enum Sex
{
    Male = 1,
    Female = 2,
}
