import { Button } from "antd";
import { lazy, type ComponentType } from "react";
import { useTranslation } from "react-i18next";

/** Written without the pages' components: it shows exactly when a download failed. */
function LoadFailed({ part }: { part: boolean }) {
  const { t } = useTranslation();
  const title = t("common.pageLoadFailed");
  return (
    <section className="status-page" role="alert">
      {part ? <p className="status-title">{title}</p> : <h1>{title}</h1>}
      <p>{t("common.pageLoadFailedDesc")}</p>
      <Button type="primary" size="large" onClick={() => window.location.reload()}>
        {t("common.reload")}
      </Button>
    </section>
  );
}

const PageLoadFailed = () => <LoadFailed part={false} />;
const PartLoadFailed = () => <LoadFailed part />;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy itself takes ComponentType<any>; each component keeps its own props type
function downloaded<M extends { [P in K]: ComponentType<any> }, K extends keyof M & string>(load: () => Promise<M>, name: K, failed: ComponentType) {
  return lazy(() =>
    load()
      .catch(load)
      .then(
        (m) => ({ default: m[name] }),
        () => ({ default: failed as unknown as M[K] }),
      ),
  );
}

/**
 * A page downloaded when it is first opened: the home page comes with the app, and a citizen's pages do
 * not download the workbench, the charts or the form builder. A download that fails (a dropped
 * connection, or a release that replaced the page's file) is tried once more, then the person is told
 * and offered a reload — never a blank screen.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export function page<M extends { [P in K]: ComponentType<any> }, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return downloaded(load, name, PageLoadFailed);
}

/** The same for a part of a page downloaded only by those who use it (the guide's application form). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export function part<M extends { [P in K]: ComponentType<any> }, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return downloaded(load, name, PartLoadFailed);
}
