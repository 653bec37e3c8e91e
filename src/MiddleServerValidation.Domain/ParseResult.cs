namespace MiddleServerValidation.Domain;

/// <summary>
/// The result of reading user input: the value, or the reason it could not be read.
/// Parsing never throws on bad input; only asking for <see cref="Value"/> of a failed result does (a programming error).
/// </summary>
public readonly record struct ParseResult<T>
{
    private readonly T? value;

    private ParseResult(bool isValid, T? value, ReasonCode? error, string? errorMessage)
    {
        IsValid = isValid;
        this.value = value;
        Error = error;
        ErrorMessage = errorMessage;
    }

    /// <summary>False for <c>default</c> as well, so an uninitialised result never passes as valid.</summary>
    public bool IsValid { get; }

    public T Value => IsValid
        ? value!
        : throw new InvalidOperationException($"The input could not be read ({Error}); check IsValid first.");

    public ReasonCode? Error { get; }

    /// <summary>Japanese, specific to the problem; it never repeats a personal number.</summary>
    public string? ErrorMessage { get; }

    public static ParseResult<T> Ok(T value) => new(true, value, null, null);

    public static ParseResult<T> Fail(ReasonCode error, string message) => new(false, default, error, message);

    // Written by hand: the generated one would read Value, which throws for a failure.
    public override string ToString() => IsValid ? $"Ok({value})" : $"Fail({Error}: {ErrorMessage})";
}
