from playwright.sync_api import expect


def test_the_api_docs_render_in_chromium_under_the_csp_with_no_violation(page, live_server):
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.get_by_text("CICA Docs API").first).to_be_visible()
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/notes/{id}/issue/")
           ).to_be_visible()
    assert violations == []
