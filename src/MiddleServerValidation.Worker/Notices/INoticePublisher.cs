using MiddleServerValidation.Processing.Notices;

namespace MiddleServerValidation.Worker.Notices;

/// <summary>Publishes one outbox notice to its insurer's queue; completes when the broker has confirmed it.</summary>
public interface INoticePublisher
{
    Task PublishAsync(OutboxRow notice, CancellationToken cancellationToken);
}
