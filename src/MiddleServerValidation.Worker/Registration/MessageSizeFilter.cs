using MassTransit;

namespace MiddleServerValidation.Worker.Registration;

/// <summary>
/// Refuses a delivery larger than a registration can be, before it is deserialised: it goes to the error queue with
/// the cause. The broker's own limit (max_message_size) keeps anything much larger from arriving at all.
/// </summary>
public sealed class MessageSizeFilter(int maxBytes) : IFilter<ReceiveContext>
{
    public void Probe(ProbeContext context) => context.CreateFilterScope("messageSize");

    public Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        var length = context.Body.Length ?? context.Body.GetBytes().LongLength;
        return length > maxBytes ? throw new MessageTooLargeException(length, maxBytes) : next.Send(context);
    }
}

public sealed class MessageTooLargeException(long length, int maxBytes)
    : Exception($"登録メッセージが大きすぎます（{length:N0} バイト、上限 {maxBytes:N0} バイト）。1件の登録は上限以内で送信してください。");
