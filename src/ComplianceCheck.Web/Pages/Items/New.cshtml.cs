using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Review;
using ComplianceCheck.Review.Workflow;
using ComplianceCheck.Web.Auth;
using ComplianceCheck.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceCheck.Web.Pages.Items;

/// <summary>Submit a draft by pasting it or uploading a .md, .html or .txt file.</summary>
[Authorize(Roles = "creative")]
public sealed class NewModel(ReviewService reviews) : PageModel
{
    private static readonly string[] UploadExtensions = [".md", ".markdown", ".html", ".htm", ".txt"];

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string FileName { get; set; } = "draft.md";

    [BindProperty]
    public string? Product { get; set; }

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public string? DraftText { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public string? Error { get; private set; }

    public static IReadOnlyList<string> Products => Vocabulary.Products;

    public static IReadOnlyList<string> Channels => Vocabulary.Channels;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            // Browsers submit textarea lines with CRLF whatever was pasted; drafts are kept with the LF of the files they come from.
            string content = (DraftText ?? string.Empty).ReplaceLineEndings("\n");
            string fileName = FileName;
            if (Upload is { Length: > 0 })
            {
                (content, fileName) = await ReadUpload(Upload);
            }

            var item = reviews.Submit(CurrentUser.Get(HttpContext), new NewItem(
                content, string.IsNullOrWhiteSpace(fileName) ? "draft.md" : fileName, Title, Blank(Product), Blank(Channel)));
            return Redirect($"/items/{item.Id}");
        }
        catch (ReviewException ex)
        {
            Error = ex.Message;
            Response.StatusCode = Problems.StatusOf(ex.Error);
            return Page();
        }
    }

    private static async Task<(string Content, string FileName)> ReadUpload(IFormFile upload)
    {
        string name = Path.GetFileName(upload.FileName);
        if (!UploadExtensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
        {
            throw new ReviewException(ReviewError.Invalid, $"upload a {string.Join(", ", UploadExtensions)} file; '{name}' is not one");
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer);
        try
        {
            // The same decoding as the command line: UTF-8 (with or without BOM), UTF-16, or GB18030 for GBK files.
            return (TextDecoder.Decode(buffer.ToArray()).Text, name);
        }
        catch (UnreadableDraftException ex)
        {
            throw new ReviewException(ReviewError.Invalid, $"{name}: {ex.Message}");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
