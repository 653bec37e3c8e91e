using MiddleServerValidation.Processing.Notices;
using MiddleServerValidation.Worker.Notices;

namespace MiddleServerValidation.IntegrationTests.Notices;

/// <summary>
/// A broker connection lost mid-send, as seen by the dispatcher: the first sends never complete and ignore
/// cancellation; the ones after them go to the real broker.
/// </summary>
internal sealed class StallingPublisher(INoticePublisher broker, int stallFirst) : INoticePublisher
{
    private int _sends;

    public int Stalled => Math.Min(Volatile.Read(ref _sends), stallFirst);

    public Task PublishAsync(OutboxRow notice, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _sends) <= stallFirst
            ? new TaskCompletionSource().Task
            : broker.PublishAsync(notice, cancellationToken);
}
