using MiddleServerValidation.Domain.CrossCheck;

namespace MiddleServerValidation.Processing.Registration;

/// <summary>A chunk read, validated and protected, with the J-LIS answers it will likely need; not yet decided.</summary>
public sealed class PreparedChunk
{
    internal PreparedChunk(PreparedRegistration[] items, Dictionary<string, ResidentAnswer> answers) => (Items, Answers) = (items, answers);

    internal PreparedRegistration[] Items { get; }

    /// <summary>Answers by personal number; filled further when the history changed before the chunk was decided.</summary>
    internal Dictionary<string, ResidentAnswer> Answers { get; }

    public int Count => Items.Length;
}
