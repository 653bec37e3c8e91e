using System.Net.Mime;
using MassTransit;
using MassTransit.Serialization;
using MiddleServerValidation.Processing.ErrorQueue;

namespace MiddleServerValidation.Worker.ErrorQueue;

/// <summary>The faulted delivery as the error transport moves it: everything as received, but the body sealed.</summary>
internal sealed class SealedExceptionReceiveContext(ExceptionReceiveContext inner, byte[] sealedBody) : ExceptionReceiveContext
{
    public MessageBody Body { get; } = new BytesMessageBody(sealedBody);
    public ContentType ContentType { get; } = new(SealedRegistration.ContentType);

    public CancellationToken CancellationToken => inner.CancellationToken;
    public bool HasPayloadType(Type payloadType) => inner.HasPayloadType(payloadType);
    public bool TryGetPayload<T>(out T payload) where T : class => inner.TryGetPayload(out payload!);
    public T GetOrAddPayload<T>(PayloadFactory<T> payloadFactory) where T : class => inner.GetOrAddPayload(payloadFactory);
    public T AddOrUpdatePayload<T>(PayloadFactory<T> addFactory, UpdatePayloadFactory<T> updateFactory) where T : class =>
        inner.AddOrUpdatePayload(addFactory, updateFactory);

    public bool PublishFaults => inner.PublishFaults;
    public TimeSpan ElapsedTime => inner.ElapsedTime;
    public Uri InputAddress => inner.InputAddress;
    public bool Redelivered => inner.Redelivered;
    public Headers TransportHeaders => inner.TransportHeaders;
    public Task ReceiveCompleted => inner.ReceiveCompleted;
    public bool IsDelivered => inner.IsDelivered;
    public bool IsFaulted => inner.IsFaulted;
    public ISendEndpointProvider SendEndpointProvider => inner.SendEndpointProvider;
    public IPublishEndpointProvider PublishEndpointProvider => inner.PublishEndpointProvider;

    public Task NotifyConsumed<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class =>
        inner.NotifyConsumed(context, duration, consumerType);

    public Task NotifyFaulted<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
        inner.NotifyFaulted(context, duration, consumerType, exception);

    public Task NotifyFaulted(Exception exception) => inner.NotifyFaulted(exception);
    public void AddReceiveTask(Task task) => inner.AddReceiveTask(task);

    public Exception Exception => inner.Exception;
    public DateTime ExceptionTimestamp => inner.ExceptionTimestamp;
    public ExceptionInfo ExceptionInfo => inner.ExceptionInfo;
    public SendHeaders ExceptionHeaders => inner.ExceptionHeaders;
}
