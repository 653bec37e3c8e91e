using MassTransit;
using MassTransit.Middleware.Rescue;

namespace MiddleServerValidation.Worker.Registration;

/// <summary>
/// Refuses a delivery larger than a registration can be, before it is deserialised: it goes through
/// <paramref name="errorPipe"/> to the error queue with the cause (this filter stands before MassTransit's own rescue,
/// so it hands the delivery over itself). The broker's own limit (max_message_size) keeps anything much larger from
/// arriving at all.
/// </summary>
public sealed class MessageSizeFilter(int maxBytes, IPipe<ExceptionReceiveContext> errorPipe) : IFilter<ReceiveContext>
{
    public void Probe(ProbeContext context) => context.CreateFilterScope("messageSize");

    public Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        var length = context.Body.Length ?? context.Body.GetBytes().LongLength;
        return length > maxBytes
            ? errorPipe.Send(new RescueExceptionReceiveContext(context, new MessageTooLargeException(length, maxBytes)))
            : next.Send(context);
    }
}

public sealed class MessageTooLargeException(long length, int maxBytes)
    : Exception($"登録メッセージが大きすぎます（{length:N0} バイト、上限 {maxBytes:N0} バイト）。1件の登録は上限以内で送信してください。");
