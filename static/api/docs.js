// Starts Swagger UI on /api/v1/docs/. A static file, because the site's CSP allows no inline
// script. "Try it out" uses the browser session; write requests carry the CSRF token.
"use strict";
(function () {
  const root = document.getElementById("swagger-ui");
  const csrfToken = () => {
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  };
  window.ui = SwaggerUIBundle({
    url: root.dataset.schemaUrl,
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    requestInterceptor: (request) => {
      if (!["GET", "HEAD", undefined].includes(request.method)) {
        request.headers["X-CSRFToken"] = csrfToken();
      }
      return request;
    },
  });
})();
