using System.Collections.Concurrent;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Intake;

namespace MiddleServerValidation.Worker.Tests.Registration;

/// <summary>Decides instantly and records every chunk it was given; a record whose id starts with "BAD" makes its chunk fail.</summary>
internal sealed class FakeDecisionStep(Func<IReadOnlyList<RegisterEnrollee>, Exception?>? fault = null) : IDecisionStep
{
    public ConcurrentQueue<IReadOnlyList<string>> Chunks { get; } = new();

    public Task<IReadOnlyList<RegistrationResult>> DecideAsync(IReadOnlyList<Submission> submissions, CancellationToken cancellationToken)
    {
        var messages = submissions.Select(s => s.Message).ToArray();
        Chunks.Enqueue(messages.Select(m => m.RegistrationId!).ToArray());
        if (fault?.Invoke(messages) is { } exception)
        {
            return Task.FromException<IReadOnlyList<RegistrationResult>>(exception);
        }

        IReadOnlyList<RegistrationResult> results = messages
            .Select(m => new RegistrationResult(RegistrationResultKind.Decided, Guid.CreateVersion7(), Outcomes.Accepted, null, []))
            .ToArray();
        return Task.FromResult(results);
    }
}
