using MassTransit;
using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.BatchFiles.Csv;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Web.InsurerKeys;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MiddleServerValidation.Web.Batches;

/// <summary>
/// <c>POST /api/v1/batches</c> (text/csv): stores the file's rows as they stream in, then leaves one claim check
/// for the workers. 202 with the batch id; 400 naming the line and column when the file is not CSV or its header
/// is not the contract's. Problems of single rows are Rejected rows in the results, never a failed upload.
/// </summary>
internal static partial class BatchUploadEndpoint
{
    private static readonly Uri ClaimChecks = new($"exchange:{QueueNames.Batches}");

    public static async Task<IResult> UploadAsync(
        HttpContext http, string? name, BatchStaging staging, ISendEndpointProvider bus, IOptions<BatchApiOptions> options,
        ILogger<BatchStaging> logger, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || !type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return BatchProblems.UnsupportedMediaType("Content-Type は text/csv にしてください（Shift_JIS のファイルは text/csv; charset=shift_jis）。");
        }

        if (BatchEncodings.Canonical(type.Charset.Value) is not { } encoding)
        {
            return BatchProblems.UnsupportedMediaType($"文字コード「{type.Charset.Value}」には対応していません。UTF-8 または shift_jis で送ってください。");
        }

        var insurer = http.User.InsurerNumber();
        var limits = options.Value.LimitsOf(insurer);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = limits.MaxUploadBytes;
        }

        StagedBatch batch;
        try
        {
            batch = await staging.StageAsync(insurer, encoding, Shorten(name), http.Request.Body, limits.MaxBatchesInFlight!.Value, cancellationToken);
        }
        catch (TooManyBatchesException e)
        {
            await DrainAsync(http.Request.Body, cancellationToken);
            http.Response.Headers.RetryAfter = "60";
            return BatchProblems.TooManyInFlight(e.MaxInFlight);
        }
        catch (CsvFormatException e)
        {
            await DrainAsync(http.Request.Body, cancellationToken);
            return BatchProblems.NotCsv(e);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return BatchProblems.TooLarge(limits.MaxUploadBytes!.Value);
        }

        try
        {
            var endpoint = await bus.GetSendEndpoint(ClaimChecks);
            await endpoint.Send(new ProcessBatch { BatchId = batch.BatchId }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The batch is stored: a worker's recovery pass sends its claim check again.
            LogClaimCheckNotSent(logger, e, batch.BatchId);
        }

        LogUploaded(logger, batch.BatchId, batch.TotalRows, encoding);
        return Results.Accepted($"/api/v1/batches/{batch.BatchId}", new BatchAccepted(batch.BatchId, "Queued", batch.TotalRows));
    }

    /// <summary>Reads the rest of a refused upload (up to a bound) so the client gets the 400 instead of a reset connection.</summary>
    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        long drained = 0;
        try
        {
            int read;
            while (drained < 256L * 1024 * 1024 && (read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                drained += read;
            }
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            // The client went away or the body was over its limit: the answer goes out anyway.
        }
    }

    private static string? Shorten(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim()[..Math.Min(name.Trim().Length, 200)];

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Batch {BatchId} stored: {Rows} rows ({Encoding})")]
    private static partial void LogUploaded(ILogger logger, Guid batchId, int rows, string encoding);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Batch {BatchId} stored but its claim check was not sent; recovery will send it")]
    private static partial void LogClaimCheckNotSent(ILogger logger, Exception exception, Guid batchId);
}

internal sealed record BatchAccepted(Guid BatchId, string Status, int TotalRows);
