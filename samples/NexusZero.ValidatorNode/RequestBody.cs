using Microsoft.AspNetCore.Http;
using NexusZero.Consensus.Http;

namespace NexusZero.ValidatorNode;

/// <summary>Reads a request body up to the handler's limit.</summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it is larger than <see cref="ValidatorHttpHandler.MaxRequestBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context)
    {
        if (context.Request.ContentLength > ValidatorHttpHandler.MaxRequestBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > ValidatorHttpHandler.MaxRequestBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
