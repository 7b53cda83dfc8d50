/**
 * st.badge, st.space, st.pdf and st.iframe as a person meets them: a PDF from bytes and from a
 * file the same Worker serves (/sample.pdf), a page of the app's own in a frame (/framed.html),
 * and HTML that tries to reach the app's page from its frame.
 */
import { createApp, st } from "../../../src/index.ts";
import { samplePdf } from "../../../pages/sample-pdf.ts";

const PDF = samplePdf("Hello from st.pdf");

/** HTML that, if its script ran with the app's origin, would empty the app's page and read its cookie. */
const HOSTILE = `<p id="said">Framed HTML</p><p style="color:rgb(0, 128, 0)" id="styled">styled by an attribute</p><script>
document.getElementById("said").textContent = "script ran";
try { parent.document.body.textContent = "taken over"; } catch (e) { document.body.append(" blocked: " + e.name); }
</script>`;

const app = createApp({
  entrypoint: () => {
    st.badge("Shipped", { icon: ":material/check:", color: "green" });
    st.markdown(":green-badge[Shipped]");
    st.space("large");
    const row = st.container({ horizontal: true });
    row.button("Left", { width: "content" });
    row.space("large");
    row.button("Right", { width: "content" });
    st.pdf(PDF, { height: 400 });
    st.pdf("/sample.pdf", { height: 300 });
    st.iframe(HOSTILE, { height: 120 });
    st.iframe("/framed.html", { height: 80 });
  },
});

export default {
  fetch(request: Request, env: Record<string, unknown>, ctx: ExecutionContext): Response | Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === "/sample.pdf") return new Response(PDF as unknown as BodyInit, { headers: { "Content-Type": "application/pdf" } });
    if (path === "/framed.html") return new Response("<!doctype html><title>framed</title><p id=own>The app's own page</p>", { headers: { "Content-Type": "text/html" } });
    return app.fetch(request, env, ctx);
  },
};
