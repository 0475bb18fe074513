import Typography from '@material-ui/core/Typography';
import { CodeSnippet, EmptyState } from '@backstage/core-components';

const ANNOTATION_EXAMPLE = `metadata:
  annotations:
    backstage.io/kubernetes-id: my-service`;

/** No entity has been evaluated yet: say why and what makes a service show up. */
export const NoServicesEmptyState = () => (
  <EmptyState
    missing="data"
    title="No services evaluated yet"
    description="Prodready scores the catalog entities that are mapped to Kubernetes workloads. Services appear here after the next evaluation cycle once they carry the Backstage Kubernetes annotations."
    action={
      <>
        <Typography variant="body2" paragraph>
          Add the annotation the Kubernetes plugin uses to a component&apos;s
          catalog-info.yaml (or select its workloads by label with
          backstage.io/kubernetes-label-selector):
        </Typography>
        <CodeSnippet language="yaml" text={ANNOTATION_EXAMPLE} />
      </>
    }
  />
);
