package dev.precog.it.workload;

import java.util.Map;

/**
 * What the template engine of {@link ClassLoaderLeakingService} "compiles": a page template of
 * many literal fragments, as generated template classes are. Its bytes are defined again under a
 * new loader for every request.
 */
public final class CompiledTemplate implements ClassLoaderLeakingService.Template {

    public CompiledTemplate() {}

    @Override
    public String render(Map<String, Object> model) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<html><body>");
        section0(out, model);
        section1(out, model);
        section2(out, model);
        section3(out, model);
        section4(out, model);
        section5(out, model);
        section6(out, model);
        section7(out, model);
        section8(out, model);
        section9(out, model);
        section10(out, model);
        section11(out, model);
        section12(out, model);
        section13(out, model);
        section14(out, model);
        section15(out, model);
        section16(out, model);
        section17(out, model);
        section18(out, model);
        section19(out, model);
        section20(out, model);
        section21(out, model);
        section22(out, model);
        section23(out, model);
        return out.append("</body></html>").toString();
    }

    private static void section0(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s0\" class=\"panel panel-0 layout-grid-0\">");
        out.append("<h2>Section 0 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-0\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-0\"><li>first entry 0</li><li>second entry 0</li><li>third entry 0</li></ul>");
        out.append("<footer data-section=\"0\">rendered by template section 0</footer></section>");
    }
    private static void section1(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s1\" class=\"panel panel-1 layout-grid-1\">");
        out.append("<h2>Section 1 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-1\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-1\"><li>first entry 1</li><li>second entry 1</li><li>third entry 1</li></ul>");
        out.append("<footer data-section=\"1\">rendered by template section 1</footer></section>");
    }
    private static void section2(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s2\" class=\"panel panel-2 layout-grid-2\">");
        out.append("<h2>Section 2 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-2\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-2\"><li>first entry 2</li><li>second entry 2</li><li>third entry 2</li></ul>");
        out.append("<footer data-section=\"2\">rendered by template section 2</footer></section>");
    }
    private static void section3(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s3\" class=\"panel panel-3 layout-grid-3\">");
        out.append("<h2>Section 3 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-3\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-3\"><li>first entry 3</li><li>second entry 3</li><li>third entry 3</li></ul>");
        out.append("<footer data-section=\"3\">rendered by template section 3</footer></section>");
    }
    private static void section4(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s4\" class=\"panel panel-4 layout-grid-4\">");
        out.append("<h2>Section 4 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-4\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-4\"><li>first entry 4</li><li>second entry 4</li><li>third entry 4</li></ul>");
        out.append("<footer data-section=\"4\">rendered by template section 4</footer></section>");
    }
    private static void section5(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s5\" class=\"panel panel-5 layout-grid-0\">");
        out.append("<h2>Section 5 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-5\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-5\"><li>first entry 5</li><li>second entry 5</li><li>third entry 5</li></ul>");
        out.append("<footer data-section=\"5\">rendered by template section 5</footer></section>");
    }
    private static void section6(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s6\" class=\"panel panel-6 layout-grid-1\">");
        out.append("<h2>Section 6 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-6\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-6\"><li>first entry 6</li><li>second entry 6</li><li>third entry 6</li></ul>");
        out.append("<footer data-section=\"6\">rendered by template section 6</footer></section>");
    }
    private static void section7(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s7\" class=\"panel panel-7 layout-grid-2\">");
        out.append("<h2>Section 7 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-7\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-7\"><li>first entry 7</li><li>second entry 7</li><li>third entry 7</li></ul>");
        out.append("<footer data-section=\"7\">rendered by template section 7</footer></section>");
    }
    private static void section8(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s8\" class=\"panel panel-8 layout-grid-3\">");
        out.append("<h2>Section 8 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-8\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-8\"><li>first entry 8</li><li>second entry 8</li><li>third entry 8</li></ul>");
        out.append("<footer data-section=\"8\">rendered by template section 8</footer></section>");
    }
    private static void section9(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s9\" class=\"panel panel-9 layout-grid-4\">");
        out.append("<h2>Section 9 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-9\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-9\"><li>first entry 9</li><li>second entry 9</li><li>third entry 9</li></ul>");
        out.append("<footer data-section=\"9\">rendered by template section 9</footer></section>");
    }
    private static void section10(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s10\" class=\"panel panel-10 layout-grid-0\">");
        out.append("<h2>Section 10 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-10\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-10\"><li>first entry 10</li><li>second entry 10</li><li>third entry 10</li></ul>");
        out.append("<footer data-section=\"10\">rendered by template section 10</footer></section>");
    }
    private static void section11(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s11\" class=\"panel panel-11 layout-grid-1\">");
        out.append("<h2>Section 11 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-11\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-11\"><li>first entry 11</li><li>second entry 11</li><li>third entry 11</li></ul>");
        out.append("<footer data-section=\"11\">rendered by template section 11</footer></section>");
    }
    private static void section12(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s12\" class=\"panel panel-12 layout-grid-2\">");
        out.append("<h2>Section 12 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-12\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-12\"><li>first entry 12</li><li>second entry 12</li><li>third entry 12</li></ul>");
        out.append("<footer data-section=\"12\">rendered by template section 12</footer></section>");
    }
    private static void section13(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s13\" class=\"panel panel-13 layout-grid-3\">");
        out.append("<h2>Section 13 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-13\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-13\"><li>first entry 13</li><li>second entry 13</li><li>third entry 13</li></ul>");
        out.append("<footer data-section=\"13\">rendered by template section 13</footer></section>");
    }
    private static void section14(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s14\" class=\"panel panel-14 layout-grid-4\">");
        out.append("<h2>Section 14 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-14\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-14\"><li>first entry 14</li><li>second entry 14</li><li>third entry 14</li></ul>");
        out.append("<footer data-section=\"14\">rendered by template section 14</footer></section>");
    }
    private static void section15(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s15\" class=\"panel panel-15 layout-grid-0\">");
        out.append("<h2>Section 15 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-15\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-15\"><li>first entry 15</li><li>second entry 15</li><li>third entry 15</li></ul>");
        out.append("<footer data-section=\"15\">rendered by template section 15</footer></section>");
    }
    private static void section16(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s16\" class=\"panel panel-16 layout-grid-1\">");
        out.append("<h2>Section 16 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-16\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-16\"><li>first entry 16</li><li>second entry 16</li><li>third entry 16</li></ul>");
        out.append("<footer data-section=\"16\">rendered by template section 16</footer></section>");
    }
    private static void section17(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s17\" class=\"panel panel-17 layout-grid-2\">");
        out.append("<h2>Section 17 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-17\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-17\"><li>first entry 17</li><li>second entry 17</li><li>third entry 17</li></ul>");
        out.append("<footer data-section=\"17\">rendered by template section 17</footer></section>");
    }
    private static void section18(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s18\" class=\"panel panel-18 layout-grid-3\">");
        out.append("<h2>Section 18 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-18\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-18\"><li>first entry 18</li><li>second entry 18</li><li>third entry 18</li></ul>");
        out.append("<footer data-section=\"18\">rendered by template section 18</footer></section>");
    }
    private static void section19(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s19\" class=\"panel panel-19 layout-grid-4\">");
        out.append("<h2>Section 19 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-19\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-19\"><li>first entry 19</li><li>second entry 19</li><li>third entry 19</li></ul>");
        out.append("<footer data-section=\"19\">rendered by template section 19</footer></section>");
    }
    private static void section20(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s20\" class=\"panel panel-20 layout-grid-0\">");
        out.append("<h2>Section 20 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-20\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-20\"><li>first entry 20</li><li>second entry 20</li><li>third entry 20</li></ul>");
        out.append("<footer data-section=\"20\">rendered by template section 20</footer></section>");
    }
    private static void section21(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s21\" class=\"panel panel-21 layout-grid-1\">");
        out.append("<h2>Section 21 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-21\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-21\"><li>first entry 21</li><li>second entry 21</li><li>third entry 21</li></ul>");
        out.append("<footer data-section=\"21\">rendered by template section 21</footer></section>");
    }
    private static void section22(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s22\" class=\"panel panel-22 layout-grid-2\">");
        out.append("<h2>Section 22 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-22\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-22\"><li>first entry 22</li><li>second entry 22</li><li>third entry 22</li></ul>");
        out.append("<footer data-section=\"22\">rendered by template section 22</footer></section>");
    }
    private static void section23(StringBuilder out, Map<String, Object> model) {
        out.append("<section id=\"s23\" class=\"panel panel-23 layout-grid-3\">");
        out.append("<h2>Section 23 for ").append(model.get("user")).append("</h2>");
        out.append("<p class=\"lead-23\">Items in this section: ").append(model.get("items")).append("</p>");
        out.append("<ul class=\"list-23\"><li>first entry 23</li><li>second entry 23</li><li>third entry 23</li></ul>");
        out.append("<footer data-section=\"23\">rendered by template section 23</footer></section>");
    }
}
