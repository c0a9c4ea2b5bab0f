package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public pages in headless Chromium at a phone's 390 px and a desktop's 1366 px, checked by axe-core (WCAG 2.1
 * A and AA and axe's best practices): the ranking, a profile, /submit and its error state, /data, /recent and
 * /methodology have no violations. On the phone: the first entry shows without scrolling, the filters fold behind
 * "Filter and sort" with a sort control, keyboard focus never lands on a link that cannot be seen, /data's tables are
 * not cut off, and chart labels are 12 px or larger. Screenshots go to target/screenshots/a11y-*.png.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest {

    static final int PHONE = 390;
    static final int DESKTOP = 1366;

    RankedSite site;
    ChromeDriver driver;
    String base;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        boolean present = Files.isExecutable(RankingsBrowserTest.CHROMIUM) && Files.isExecutable(RankingsBrowserTest.CHROMEDRIVER);
        String how = "Chromium is not installed: the accessibility test is skipped. Install it with"
                + " `apt-get install -y chromium chromium-driver` and run `mvn -B test -Dtest=AccessibilityBrowserTest`.";
        if (!present && "true".equals(System.getenv("CI"))) fail("CI=true but " + how);
        Assumptions.assumeTrue(present, how);
        site = new RankedSite(dir, 60);
        base = site.server.base.toString();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(RankingsBrowserTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")), "--window-size=1366,900");
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(RankingsBrowserTest.CHROMEDRIVER.toString())).usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(RankingsBrowserTest.SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
        if (site != null) site.close();
    }

    /** The window as a phone (390 px, touch, mobile viewport) or a desktop. */
    void width(int px) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        if (px == PHONE) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", PHONE, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        } else {
            driver.manage().window().setSize(new Dimension(px, 900));
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), RankingsBrowserTest.SCREENSHOTS.resolve("a11y-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** axe-core on the page as it is: every violation with the elements it found, for the failure message. */
    List<String> violations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(driver);
        List<String> out = new ArrayList<>();
        for (Rule r : results.getViolations()) {
            StringBuilder s = new StringBuilder(r.getId() + " (" + r.getImpact() + "): " + r.getHelp());
            r.getNodes().stream().limit(3).forEach(n -> s.append("\n    ").append(n.getTarget()).append(" ")
                    .append(n.getHtml().length() > 160 ? n.getHtml().substring(0, 160) + "…" : n.getHtml()));
            out.add(s.toString());
        }
        return out;
    }

    List<String> pages() {
        long profile = site.officialOf(site.example("Weekly, answers most readers"));
        return List.of("/", "/?tab=historical", "/officials/" + profile, "/submit", "/data", "/recent", "/methodology",
                "/when-they-blogged");
    }

    @Test
    void thePublicPagesHaveNoAxeViolationsOnAPhoneOrADesktop() throws IOException {
        List<String> problems = new ArrayList<>();
        for (int px : List.of(PHONE, DESKTOP)) {
            width(px);
            for (String page : pages()) {
                driver.get(base + page);
                for (String v : violations()) problems.add(px + " px " + page + ": " + v);
            }
            // the submission form's error state: sent empty
            driver.get(base + "/submit");
            WebElement send = driver.findElement(By.xpath("//button[normalize-space()='Check the blog and preview']"));
            send.click();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
            for (String v : violations()) problems.add(px + " px /submit (errors): " + v);
            screenshot("submit-errors-" + px);
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
        // and the checker does see a violation when there is one: an image without a text alternative
        js("const i = document.createElement('img'); i.src = '/static/favicon.svg'; document.querySelector('main').append(i)");
        assertThat(violations()).anyMatch(v -> v.startsWith("image-alt"));
    }

    @Test
    void onAPhoneTheFirstEntryShowsAtOnceAndFocusNeverLandsOnAnUnseenLink() throws IOException {
        width(PHONE);
        driver.get(base + "/");
        screenshot("rankings-390");
        WebElement first = driver.findElement(By.cssSelector("table.rankings tbody tr"));
        long top = ((Number) js("return arguments[0].getBoundingClientRect().top", first)).longValue();
        assertThat(top).as("the first entry starts above the fold of an 844 px phone").isLessThan(844 - 60);
        // the filters are folded behind one control; inside it, a sort control for the screen without headers
        WebElement box = driver.findElement(By.cssSelector("details.filter-box"));
        assertThat(box.getAttribute("open")).isNull();
        assertThat(driver.findElement(By.cssSelector("details.filter-box summary")).getText()).startsWith("Filter and sort");
        assertThat(driver.findElement(By.id("sort")).isDisplayed()).isFalse();
        driver.findElement(By.cssSelector("details.filter-box summary")).click();
        assertThat(driver.findElement(By.id("sort")).isDisplayed()).isTrue();
        driver.navigate().refresh();

        // every stop of the Tab key is something the visitor can see
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        List<String> unseen = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            WebElement f = driver.switchTo().activeElement();
            boolean seen = (Boolean) js("const r = arguments[0].getBoundingClientRect();"
                    + " const s = getComputedStyle(arguments[0]);"
                    + " return r.width > 1 && r.height > 1 && s.visibility !== 'hidden'"
                    + " && !(s.clip && s.clip.startsWith('rect(0'))", f);
            if (!seen) unseen.add(f.getTagName() + " '" + f.getText() + "' " + f.getAttribute("href"));
            f.sendKeys(Keys.TAB);
        }
        assertThat(unseen).as("focused but not visible").isEmpty();
    }

    @Test
    void onAPhoneDataIsNotCutOffAndChartLabelsAreReadable() throws IOException {
        width(PHONE);
        driver.get(base + "/data");
        screenshot("data-390");
        assertThat(((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                .as("no sideways scrolling of the page").isLessThanOrEqualTo(0);
        List<WebElement> wraps = driver.findElements(By.cssSelector("table.downloads"));
        assertThat(wraps).hasSize(1);
        long hidden = ((Number) js("const w = arguments[0].parentElement; return w.scrollWidth - w.clientWidth",
                wraps.get(0))).longValue();
        assertThat(hidden).as("the downloads table fits its box on a phone").isLessThanOrEqualTo(0);

        driver.get(base + "/officials/" + site.officialOf(site.example("Weekly, answers most readers")));
        screenshot("profile-390");
        @SuppressWarnings("unchecked")
        List<Number> sizes = (List<Number>) js("return [...document.querySelectorAll('svg.chart text')].map(t =>"
                + " parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a)");
        assertThat(sizes).isNotEmpty().allSatisfy(px -> assertThat(px.doubleValue()).isGreaterThanOrEqualTo(12.0));
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js("return [...document.querySelectorAll('svg.chart text.scale')]"
                + ".map(t => t.textContent)");
        // dates under the axis: the first and the last week of the posting chart
        assertThat(labels).anyMatch(l -> l.matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}"));

        width(DESKTOP);
        driver.navigate().refresh();
        screenshot("profile-1366");
        @SuppressWarnings("unchecked")
        List<Number> desktop = (List<Number>) js("return [...document.querySelectorAll('svg.chart text')].map(t =>"
                + " parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a)");
        assertThat(desktop).allSatisfy(px -> assertThat(px.doubleValue()).isGreaterThanOrEqualTo(12.0));
    }
}
