// Swagger UI from the package's own copy, over /openapi.json (no CDN, no inline script).
(function () {
  "use strict";
  var el = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: el.dataset.spec, dom_id: "#swagger-ui", validatorUrl: null });
})();
